// The hall dashboard shows today's figures: it reads them again every 30 seconds while the page is visible
// (a reload, so every figure, alert and button is the server's), and at once when the tab becomes visible again.
(function () {
    "use strict";
    var every = 30000;
    var last = Date.now();
    function refresh() {
        if (document.visibilityState === "visible" && Date.now() - last >= every) {
            window.location.reload();
        }
    }
    setInterval(refresh, 5000);
    document.addEventListener("visibilitychange", refresh);
})();
