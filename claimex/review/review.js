// claimex review page: one document at a time, details on hover and focus, confidence filter.
// Everything shown comes from attributes, set as text (never as HTML).
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  var tip = document.getElementById("tip");
  var docs = Array.prototype.slice.call(document.querySelectorAll("section.doc"));
  var marks = document.querySelectorAll("[title]");
  for (var i = 0; i < marks.length; i++) {  // the tip replaces the browser's own tooltip
    marks[i].setAttribute("data-details", marks[i].getAttribute("title"));
    marks[i].removeAttribute("title");
  }

  function pieces(el) {
    var section = el.closest("section.doc");
    return section ? section.querySelectorAll('mark.quote[data-quote="' + el.dataset.quote + '"]') : [];
  }
  function show(el) {
    tip.textContent = el.dataset.details;
    tip.hidden = false;
    var box = el.getBoundingClientRect();
    tip.style.left = Math.max(4, box.left + window.scrollX) + "px";
    tip.style.top = (box.bottom + window.scrollY + 6) + "px";
    if (el.matches("mark.quote")) pieces(el).forEach(function (p) { p.classList.add("active"); });
  }
  function hide() {
    tip.hidden = true;
    document.querySelectorAll("mark.quote.active").forEach(function (p) { p.classList.remove("active"); });
  }
  function detailed(event) { return event.target.closest ? event.target.closest("[data-details]") : null; }
  document.addEventListener("mouseover", function (e) { var el = detailed(e); if (el) show(el); });
  document.addEventListener("mouseout", function (e) { if (detailed(e)) hide(); });
  document.addEventListener("focusin", function (e) { var el = detailed(e); if (el) show(el); else hide(); });
  document.addEventListener("focusout", hide);
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });

  var range = document.getElementById("minconf");
  var value = document.getElementById("minconf-value");
  range.parentNode.hidden = !document.querySelector("[data-conf]");  // nothing to filter
  function filter() {
    var least = parseFloat(range.value);
    value.textContent = least.toFixed(2);
    document.querySelectorAll("[data-conf]").forEach(function (el) {
      el.classList.toggle("filtered", parseFloat(el.dataset.conf) < least);
    });
  }
  range.addEventListener("input", filter);
  filter();

  function showDoc() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    var section = target ? target.closest("section.doc") : null;
    section = section || docs[0];
    docs.forEach(function (d) { d.classList.toggle("current", d === section); });
    document.querySelectorAll("nav#index a").forEach(function (a) {
      if (a.getAttribute("href") === "#" + (section && section.id)) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    });
    document.querySelectorAll(".docnav a").forEach(function (a) {
      a.hidden = !document.getElementById(a.getAttribute("href").slice(1));
    });
    if (target && target !== section) {
      target.scrollIntoView({ block: "center" });
      if (target.tabIndex >= 0) target.focus({ preventScroll: true });
    }
  }
  window.addEventListener("hashchange", showDoc);
  showDoc();
})();
