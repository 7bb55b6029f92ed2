(function () {
  "use strict";
  document.documentElement.setAttribute("data-js", "on");
  function fragments(ids) {
    var found = [];
    ids.forEach(function (id) {
      document.querySelectorAll('[data-mark="' + CSS.escape(id) + '"]').forEach(function (el) { found.push(el); });
    });
    return found;
  }
  function mark(ids, on) {
    fragments(ids).forEach(function (el) { el.classList.toggle("hl", on); });
  }
  var pinned = [];
  document.querySelectorAll("[data-marks]").forEach(function (finding) {
    var ids = finding.getAttribute("data-marks").split(" ").filter(Boolean);
    finding.addEventListener("mouseenter", function () { mark(ids, true); });
    finding.addEventListener("mouseleave", function () { mark(ids, false); mark(pinned, true); });
  });
  document.querySelectorAll("a.ev").forEach(function (link) {
    link.addEventListener("click", function () {
      mark(pinned, false);
      pinned = [link.getAttribute("href").slice(1)];
      mark(pinned, true);
    });
  });
})();
