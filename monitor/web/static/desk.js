// The timeline: a focused or hovered point writes its sentence under the chart
// (the same text as its tooltip), so keyboard and screen-reader users read it too.
document.addEventListener("DOMContentLoaded", function () {
  var detail = document.getElementById("mark-detail");
  if (!detail) { return; }
  var show = function (event) {
    var label = event.target.getAttribute("aria-label");
    if (label) { detail.textContent = label; }
  };
  document.querySelectorAll(".claim-mark").forEach(function (mark) {
    mark.addEventListener("focus", show);
    mark.addEventListener("mouseenter", show);
  });
});
