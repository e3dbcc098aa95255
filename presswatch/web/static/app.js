// presswatch dashboard: highlight toggles and details on the article page. No network, no markup from data:
// details are clones of sidebar items the server already rendered (and escaped).
"use strict";

function marksFor(ref) {
  return Array.from(document.querySelectorAll("#article-text mark"))
    .filter((mark) => mark.dataset.refs.split(" ").includes(ref));
}

function showDetails(refs) {
  const details = document.getElementById("details");
  document.querySelectorAll(".sidebar .active").forEach((item) => item.classList.remove("active"));
  document.querySelectorAll("#article-text mark.focus").forEach((mark) => mark.classList.remove("focus"));
  const items = refs.map((ref) => document.getElementById("item-" + ref)).filter(Boolean);
  items.forEach((item) => item.classList.add("active"));
  refs.forEach((ref) => marksFor(ref).forEach((mark) => mark.classList.add("focus")));
  details.replaceChildren(...items.map((item) => {
    const copy = item.cloneNode(true);
    copy.removeAttribute("id");
    return copy;
  }));
  details.classList.toggle("filled", items.length > 0);
}

function setUpArticle(text) {
  text.addEventListener("click", (event) => {
    const mark = event.target.closest("mark");
    if (mark) showDetails(mark.dataset.refs.split(" "));
  });
  text.addEventListener("keydown", (event) => {
    const mark = event.target.closest("mark");
    if (mark && event.key === "Enter") showDetails(mark.dataset.refs.split(" "));
  });
  document.querySelectorAll(".sidebar li[data-ref]").forEach((item) => {
    const select = () => {
      showDetails([item.dataset.ref]);
      const first = marksFor(item.dataset.ref)[0];
      if (first) first.scrollIntoView({block: "center"});
    };
    item.addEventListener("click", (event) => { if (!event.target.closest("a")) select(); });
    item.addEventListener("keydown", (event) => { if (event.key === "Enter") select(); });
  });
  document.querySelectorAll("[data-toggle]").forEach((box) => {
    box.addEventListener("change", () => text.classList.toggle("show-" + box.dataset.toggle, box.checked));
  });
  const wanted = decodeURIComponent(window.location.hash.slice(1));
  if (wanted && document.getElementById("item-" + wanted)) {
    showDetails([wanted]);
    const first = marksFor(wanted)[0];
    if (first) first.scrollIntoView({block: "center"});
  }
}

document.addEventListener("DOMContentLoaded", () => {
  const text = document.getElementById("article-text");
  if (text) setUpArticle(text);
});
