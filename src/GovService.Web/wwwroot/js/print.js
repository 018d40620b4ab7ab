// Print buttons without inline script (the CSP forbids it). data-print="frame-id" prints that frame's document (the
// kiosk's licence PDF); a bare data-print prints the page.
document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () {
        var frame = button.getAttribute("data-print") ? document.getElementById(button.getAttribute("data-print")) : null;
        if (frame && frame.contentWindow) { frame.contentWindow.focus(); frame.contentWindow.print(); } else { window.print(); }
    });
});
