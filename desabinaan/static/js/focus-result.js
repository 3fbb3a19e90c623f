// Pages answered with a redirect to #fragment (the passport guide's #hasil): bring that section's heading to the top
// of the screen and give it the focus, so a phone user sees the result first and a screen reader reads it. Run again
// after "load", because the browser's own scroll to the fragment may move the focus back to the page.
(function () {
  "use strict";
  var id = window.location.hash.slice(1);
  var target = id && document.getElementById(id);
  if (!target) return;
  var heading = target.querySelector("[data-focus-heading]") || target;
  function bringIntoView() {
    heading.scrollIntoView({ block: "start" });
    heading.focus({ preventScroll: true });
  }
  bringIntoView();
  window.addEventListener("load", function () {
    window.setTimeout(bringIntoView, 0);
  });
})();
