// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  // Region autocomplete: clicking a suggestion fills the hidden code input and the visible text.
  document.addEventListener("click", function (event) {
    var option = event.target.closest("[data-region-code]");
    if (!option) return;
    event.preventDefault();
    var widget = option.closest("[data-region-widget]");
    if (!widget) return;
    widget.querySelector("input[type=hidden]").value = option.dataset.regionCode;
    widget.querySelector("input[type=search]").value = option.dataset.regionLabel;
    var list = widget.querySelector("[data-region-results]");
    if (list) list.innerHTML = "";
  });
  // Confirmation before destructive actions: <form data-confirm="...">.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });
  // Print buttons: <button data-print> (inline onclick is forbidden by the CSP).
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print]")) window.print();
  });
  // Tables wider than the screen scroll inside .table-wrap. A region that really scrolls must be reachable by
  // keyboard (WCAG 2.1.1, axe "scrollable-region-focusable", tests/browser/test_accessibility.py); one that fits
  // gets no idle tab stop. Re-checked after a resize and after HTMX swaps in new content.
  function focusableScrollers() {
    document.querySelectorAll(".table-wrap").forEach(function (wrap) {
      if (wrap.dataset.tabindexSet === undefined && wrap.hasAttribute("tabindex")) return;
      if (wrap.scrollWidth > wrap.clientWidth) {
        wrap.setAttribute("tabindex", "0");
        wrap.dataset.tabindexSet = "";
      } else if (wrap.dataset.tabindexSet !== undefined) {
        wrap.removeAttribute("tabindex");
        delete wrap.dataset.tabindexSet;
      }
    });
  }
  focusableScrollers();
  window.addEventListener("resize", focusableScrollers);
  document.addEventListener("htmx:afterSettle", focusableScrollers);
})();
