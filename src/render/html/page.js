(function () {
  "use strict";
  var d = document;
  var folds = function () { return d.querySelectorAll("details.fold"); };
  var bar = d.querySelector(".filters");
  if (bar) {
    [["expand all", true], ["collapse all", false]].forEach(function (p) {
      var b = d.createElement("button");
      b.type = "button";
      b.textContent = p[0];
      b.addEventListener("click", function () {
        folds().forEach(function (f) { f.open = p[1]; });
      });
      bar.appendChild(b);
    });
  }
  var unfolded = [];
  addEventListener("beforeprint", function () {
    folds().forEach(function (f) {
      if (!f.open) { f.open = true; unfolded.push(f); }
    });
  });
  addEventListener("afterprint", function () {
    unfolded.forEach(function (f) { f.open = false; });
    unfolded = [];
  });
  function reveal() {
    var t = null;
    try { t = d.getElementById(decodeURIComponent(location.hash.slice(1))); } catch (e) { return; }
    var opened = false;
    for (var e = t; e; e = e.parentElement) {
      if (e.tagName === "DETAILS" && !e.open) { e.open = true; opened = true; }
    }
    if (opened) { t.scrollIntoView(); }
  }
  addEventListener("hashchange", reveal);
  reveal();
})();
