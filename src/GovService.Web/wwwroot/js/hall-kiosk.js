// 自助端: after 60 s without a touch the kiosk goes back to an empty page (replacing history, so "back" shows
// nothing of the last person). No inline script: the CSP forbids it.
(function () {
    var root = document.querySelector("[data-idle-reset]");
    if (!root) { return; }
    var target = root.getAttribute("data-idle-reset");
    var seconds = parseInt(root.getAttribute("data-idle-seconds") || "60", 10);
    var timer;
    function reset() {
        clearTimeout(timer);
        timer = setTimeout(function () { window.location.replace(target); }, seconds * 1000);
    }
    ["pointerdown", "keydown", "touchstart", "input"].forEach(function (e) { document.addEventListener(e, reset, { passive: true }); });
    window.addEventListener("pageshow", function (e) { if (e.persisted) { window.location.replace(target); } });
    reset();
})();
