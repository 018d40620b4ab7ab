// 评价器: the window's tablet follows its window over SignalR (serving → rating prompt → idle) by reloading its page.
(function () {
    var root = document.getElementById("hall-device");
    if (!root) { return; }
    var windowId = root.getAttribute("data-window");
    var key = root.getAttribute("data-key");
    var home = "/hall/device/" + windowId + "?key=" + encodeURIComponent(key);
    var mode = root.getAttribute("data-mode");
    // While the rating is being sent, its own answer is the next page: events then are about this very rating.
    var submitting = false;
    var form = document.querySelector("[data-testid=device-rate]");
    if (form) { form.addEventListener("submit", function () { submitting = true; }); }
    function go() { if (!submitting) { window.location.replace(home); } }
    var connection = new signalR.HubConnectionBuilder().withUrl(root.getAttribute("data-hub")).withAutomaticReconnect().build();
    connection.on("serving", go);
    connection.on("rate", go);
    connection.on("idle", function () { if (mode !== "idle") { go(); } });
    function watch() { return connection.invoke("WatchDevice", windowId, key).then(function () { root.setAttribute("data-connected", "true"); }); }
    connection.onreconnected(watch);
    connection.start().then(watch);
    // A thank-you (or an unanswered prompt) goes back to the welcome after a minute.
    if (document.querySelector("[data-testid=device-thanks]")) { setTimeout(function () { window.location.replace(home); }, 5000); }
})();
