using System.Net;
using System.Text.RegularExpressions;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Modules.Intake.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.IntegrationTests;

[Collection(PortalTests.Name)]
public sealed partial class WindowIntakeTests(PortalFactory portal) : IAsyncLifetime
{
    private const string FoodLicence = "000104004000";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static List<KeyValuePair<string, string>> Form(params int[] received)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("ApplicantName", "王小明"), new("ApplicantIdNumber", "361131200001010016"), new("ContactMobile", "13700137000"),
        };
        for (var i = 0; i < 6; i++)
        {
            form.Add(new($"Materials[{i}].Position", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (received.Contains(i + 1))
            {
                form.Add(new($"Materials[{i}].Received", "true"));
            }
        }

        return form;
    }

    [Fact]
    public async Task A_clerk_accepts_a_walk_in_with_every_required_material_and_prints_the_notice()
    {
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");

        var response = await clerk.SubmitAsync($"/window/intake/{FoodLicence}", $"/window/intake/{FoodLicence}", Form(1, 2, 3, 4, 5, 6));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var notice = await clerk.GetPageAsync(response.Headers.Location!.OriginalString);
        var number = NumberPattern().Match(notice).Groups[1].Value;
        Assert.Equal("3611312026112300001", number); // first case of 2026-11-23 (Asia/Shanghai) in 云溪县
        Assert.Contains("受理通知书", notice, StringComparison.Ordinal);
        Assert.Contains("2026-11-30", notice, StringComparison.Ordinal); // 5 working days after Monday 2026-11-23

        var accepted = await portal.WithDbAsync(db => db.Set<Case>().SingleAsync(c => c.Number == number));
        Assert.Equal(CaseState.Accepted, accepted.State);
        Assert.Equal(1, accepted.Visits);
        Assert.Equal(1, accepted.Channel);
        Assert.NotNull(accepted.HallId);

        using var anyone = portal.NewBrowser();
        Assert.Contains("已受理", await anyone.GetPageAsync($"/status?number={number}&code={accepted.QueryCode}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_required_material_is_named_and_nothing_is_accepted()
    {
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");

        var response = await clerk.SubmitAsync($"/window/intake/{FoodLicence}", $"/window/intake/{FoodLicence}", Form(1, 3, 4, 5, 6));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("必要材料不齐全，不能受理：营业执照", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await portal.WithDbAsync(db => db.Set<Case>().AnyAsync(c => c.ApplicantIdNumber == "361131200001010016")));
    }

    [Fact]
    public async Task A_wrong_id_number_is_explained_and_nothing_is_accepted()
    {
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var form = Form(1, 2, 3, 4, 5, 6);
        CatalogTests.Set(form, "ApplicantIdNumber", "361131200001010017");

        var response = await clerk.SubmitAsync($"/window/intake/{FoodLicence}", $"/window/intake/{FoodLicence}", form);

        Assert.Contains("公民身份号码校验位不正确", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await portal.WithDbAsync(db => db.Set<Case>().AnyAsync(c => c.ApplicantName == "王小明")));
    }

    [Fact]
    public async Task A_clerk_of_another_hall_cannot_open_the_notice_and_citizens_cannot_use_the_window()
    {
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var response = await clerk.SubmitAsync($"/window/intake/{FoodLicence}", $"/window/intake/{FoodLicence}", Form(1, 2, 3, 4, 5, 6));
        var noticeUrl = response.Headers.Location!.OriginalString;

        using var other = portal.NewBrowser();
        await other.LoginAsync("clerk.taoyuan");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(noticeUrl)).StatusCode);

        using var citizen = portal.NewBrowser();
        await citizen.LoginAsync(Demo.CitizenId);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/window")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync(noticeUrl)).StatusCode);
    }

    [GeneratedRegex("data-testid=\"case-number\">(\\d+)<")]
    private static partial Regex NumberPattern();
}
