// The SignalR echo floor under the calling-display benchmark (bench/hall-display.sh): the least a portal on ASP.NET
// Core must do to put a call on every screen of a hall. One hub (/hubs/hall, WatchHall joins the hall's group, as the
// portal's HallHub), one page (/hall/{hallId}/display, only what the driver reads of the portal's: data-hall and
// data-hub) and one POST (/hall/{hallId}/call: code and window) that sends the group a "called" message of the same
// shape and size as the portal's — the portal's own message, captured by bench/HallLoad in the same run
// (HALL_FLOOR_SAMPLE), with this call's code, window and time — and answers 302 as the portal's panel does. No
// database, no sign-in, no antiforgery, no logging below warnings.
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSignalR();
var samplePath = builder.Configuration["HALL_FLOOR_SAMPLE"];
var sample = samplePath is { Length: > 0 } && File.Exists(samplePath)
    ? JsonNode.Parse(File.ReadAllText(samplePath))!
    : new JsonObject { ["call"] = new JsonObject(), ["state"] = new JsonObject() };

var app = builder.Build();
app.MapHub<FloorHub>("/hubs/hall");
app.MapGet("/hall/{hallId:guid}/display", (Guid hallId) => Results.Content(
    $"<!DOCTYPE html><title>floor</title><div id=\"hall-display\" data-hall=\"{hallId}\" data-hub=\"/hubs/hall\"></div>", "text/html; charset=utf-8"));
app.MapPost("/hall/{hallId:guid}/call", async (Guid hallId, HttpRequest request, IHubContext<FloorHub> hub) =>
{
    var form = await request.ReadFormAsync();
    var message = sample.DeepClone();
    var call = message["call"]!.AsObject();
    call["code"] = form["code"].ToString();
    call["window"] = int.TryParse(form["window"], out var window) ? window : 0;
    call["at"] = DateTimeOffset.UtcNow;
    await hub.Clients.Group(FloorHub.HallGroup(hallId)).SendAsync("called", message);
    return Results.Redirect($"/hall/{hallId}/display");
});
app.Run();

internal sealed class FloorHub : Hub
{
    public static string HallGroup(Guid hallId) => $"hall:{hallId}";

    public Task WatchHall(Guid hallId) => Groups.AddToGroupAsync(Context.ConnectionId, HallGroup(hallId));
}
