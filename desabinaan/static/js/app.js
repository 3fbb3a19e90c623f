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
})();
