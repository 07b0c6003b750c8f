/* Reading aids: font size (three steps, remembered in localStorage, never a cookie), print,
   share (native share sheet or copy the link). No framework, no inline script (CSP). */
(function () {
  "use strict";
  var KEY = "miteinander.fontSize";
  var SIZES = ["normal", "large", "largest"];
  var root = document.documentElement;

  function stored() {
    try { return localStorage.getItem(KEY); } catch (e) { return null; }
  }
  function apply(size) {
    if (SIZES.indexOf(size) < 0) { size = "normal"; }
    root.setAttribute("data-font-size", size);
    var buttons = document.querySelectorAll("[data-font-size]");
    for (var i = 0; i < buttons.length; i++) {
      if (buttons[i].tagName === "BUTTON") {
        buttons[i].setAttribute("aria-pressed", String(buttons[i].getAttribute("data-font-size") === size));
      }
    }
  }
  apply(stored());

  function share(button) {
    var status = button.parentNode.querySelector(".toolbar__status");
    var data = { title: document.title, url: location.href };
    if (navigator.share) {
      navigator.share(data).catch(function () {});
      return;
    }
    function done() { if (status) { status.textContent = button.getAttribute("data-copied"); } }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(location.href).then(done, function () { window.prompt("", location.href); });
    } else {
      window.prompt("", location.href);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var hidden = document.querySelectorAll("[data-needs-js]");
    for (var i = 0; i < hidden.length; i++) { hidden[i].hidden = false; }
    apply(stored());
    // A form came back with problems: the summary takes the focus (autofocus does it too).
    var summary = document.querySelector("[data-error-summary]");
    if (summary && document.activeElement !== summary) { summary.focus(); }
    document.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("button") : null;
      if (!button) { return; }
      var size = button.getAttribute("data-font-size");
      if (size) {
        try { localStorage.setItem(KEY, size); } catch (e) { /* private mode: this page only */ }
        apply(size);
      } else if (button.getAttribute("data-action") === "print") {
        window.print();
      } else if (button.getAttribute("data-action") === "share") {
        share(button);
      }
    });
  });
})();
