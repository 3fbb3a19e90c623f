// Print button of the guide's print view; without JavaScript the browser's own print menu does the same.
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) window.print();
});
