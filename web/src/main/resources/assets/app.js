// Small enhancements; every page works without them. Loaded from /assets (no inline script).
(function () {
  "use strict";

  // Hover text for map shapes, chart links and timeline dots: follows the pointer inside its frame.
  function tooltips(root) {
    root.querySelectorAll(".map-frame").forEach(function (frame) {
      if (frame.dataset.tips) return;
      frame.dataset.tips = "1";
      var tip = frame.querySelector(".map-tip");
      if (!tip) return;
      frame.addEventListener("mousemove", function (event) {
        var target = event.target.closest("[data-tip]");
        if (!target) { tip.hidden = true; return; }
        var box = frame.getBoundingClientRect();
        tip.textContent = target.getAttribute("data-tip");
        tip.hidden = false;
        var x = event.clientX - box.left + 12;
        var y = event.clientY - box.top + 12;
        tip.style.left = Math.min(x, box.width - tip.offsetWidth - 4) + "px";
        tip.style.top = y + "px";
      });
      frame.addEventListener("mouseleave", function () { tip.hidden = true; });
    });
  }

  // Sortable tables: a button in each column heading, state announced through aria-sort.
  function sortable(root) {
    root.querySelectorAll("table.sortable").forEach(function (table) {
      if (table.dataset.sortable) return;
      table.dataset.sortable = "1";
      var heads = table.querySelectorAll("thead th");
      heads.forEach(function (th, column) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "sort";
        button.textContent = th.textContent;
        th.textContent = "";
        th.appendChild(button);
        button.addEventListener("click", function () {
          var ascending = th.getAttribute("aria-sort") !== "ascending";
          heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
          th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          var numeric = th.classList.contains("num");
          rows.sort(function (a, b) {
            var x = a.cells[column].textContent.trim();
            var y = b.cells[column].textContent.trim();
            var order = numeric ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y);
            return ascending ? order : -order;
          });
          rows.forEach(function (row) { body.appendChild(row); });
        });
      });
    });
  }

  function enhance(root) {
    tooltips(root);
    sortable(root);
  }

  document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  document.addEventListener("htmx:afterSwap", function (event) { enhance(event.target); });
})();
