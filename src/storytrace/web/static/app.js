// storytrace: small enhancements; every page works without them.
"use strict";

// On a story page: buttons that show only the claim groups of one verdict.
function addVerdictFilter() {
  const table = document.querySelector("table.matrix");
  if (!table) return;
  const choices = [
    ["all", "All claims"],
    ["conflicting", "Conflicting"],
    ["contested", "Certainty contested"],
    ["echoed", "Echoed"],
    ["corroborated", "Corroborated"],
    ["single_source", "Single source"],
  ];
  const bar = document.createElement("div");
  bar.className = "filters";
  bar.setAttribute("role", "group");
  bar.setAttribute("aria-label", "Show claim groups");
  const items = document.querySelectorAll("tr[data-verdict], .claim-group[data-verdict]");
  for (const [key, label] of choices) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = label;
    button.dataset.filter = key;
    button.setAttribute("aria-pressed", String(key === "all"));
    button.addEventListener("click", () => {
      for (const other of bar.querySelectorAll("button")) {
        other.setAttribute("aria-pressed", String(other === button));
      }
      if (key !== "all") {  // a chosen verdict shows every match, folded or not
        for (const fold of document.querySelectorAll("details.fold")) fold.open = true;
      }
      for (const item of items) {
        const shown = key === "all" || item.dataset.verdict === key ||
          (key === "contested" && item.dataset.contested === "true");
        item.hidden = !shown;
      }
    });
    bar.appendChild(button);
  }
  table.closest(".matrix-wrap").before(bar);
}

// Anywhere: "/" moves to the search box, as on many sites.
function addSearchKey() {
  document.addEventListener("keydown", (event) => {
    const field = document.getElementById("q");
    const typing = event.target.closest && event.target.closest("input, textarea, select");
    if (event.key === "/" && field && !typing && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      field.focus();
    }
  });
}

document.addEventListener("DOMContentLoaded", () => {
  addVerdictFilter();
  addSearchKey();
});
