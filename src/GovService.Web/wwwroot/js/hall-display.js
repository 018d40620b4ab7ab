// 叫号显示屏: live over SignalR; speaks each call (Web Speech API) once sound is enabled by a touch, and shows the
// same sentence on screen where speech is unavailable.
(function () {
    var root = document.getElementById("hall-display");
    if (!root) { return; }
    var hall = root.getAttribute("data-hall");
    var say = root.getAttribute("data-say");
    var live = document.getElementById("hall-live");
    var announce = document.getElementById("hall-announce");
    var soundButton = document.getElementById("hall-sound");
    var speech = "speechSynthesis" in window && "SpeechSynthesisUtterance" in window;
    var soundOn = false;
    if (!speech) {
        document.getElementById("hall-no-speech").classList.remove("d-none");
        soundButton.classList.add("d-none");
    }
    soundButton.addEventListener("click", function () {
        soundOn = true;
        soundButton.classList.add("d-none");
        var hello = new SpeechSynthesisUtterance(" ");
        window.speechSynthesis.speak(hello);
    });

    function cell(text) { var td = document.createElement("td"); td.textContent = text; return td; }
    function render(state) {
        if (!state) { return; }
        var current = document.getElementById("hall-current");
        current.replaceChildren.apply(current, state.current.map(function (c) {
            var tr = document.createElement("tr");
            tr.append(cell(c.code), cell(c.window), cell(c.maskedName));
            return tr;
        }));
        var recent = document.getElementById("hall-recent");
        recent.replaceChildren.apply(recent, state.recent.map(function (c) {
            var li = document.createElement("li");
            li.className = "list-group-item";
            li.textContent = c.code + " → " + c.window;
            return li;
        }));
    }
    function sentence(call) { return say.replace("{0}", call.code).replace("{1}", call.window); }

    var connection = new signalR.HubConnectionBuilder().withUrl(root.getAttribute("data-hub")).withAutomaticReconnect().build();
    connection.on("called", function (message) {
        render(message.state);
        var text = sentence(message.call);
        announce.textContent = text;
        announce.setAttribute("data-code", message.call.code);
        if (speech && soundOn) {
            var u = new SpeechSynthesisUtterance(text);
            u.lang = document.documentElement.lang === "en" ? "en-US" : "zh-CN";
            window.speechSynthesis.speak(u);
        }
    });
    connection.on("queue", function (message) { render(message.state); });
    function joined() {
        live.textContent = live.getAttribute("data-on") || "●";
        live.classList.replace("text-bg-secondary", "text-bg-success");
        live.setAttribute("data-connected", "true");
    }
    connection.onreconnected(function () {
        connection.invoke("WatchHall", hall).then(joined);
        fetch("/hall/" + hall + "/display/state").then(function (r) { return r.json(); }).then(render);
    });
    connection.start().then(function () { return connection.invoke("WatchHall", hall); }).then(joined);
})();
