// claimex review page: one document at a time, details on hover and focus, confidence filter.
// Everything shown comes from attributes, set as text (never as HTML). The work is done on
// demand (a hovered element, the current document), so a page of 1,000 documents stays quick.
(function () {
  "use strict";
  var tip = document.getElementById("tip");
  var docs = document.querySelectorAll("section.doc");

  function details(el) {
    if (el.hasAttribute("title")) {  // the tip replaces the browser's own tooltip
      el.setAttribute("data-details", el.getAttribute("title"));
      el.removeAttribute("title");
    }
    return el.getAttribute("data-details");
  }
  function pieces(el) {
    var section = el.closest("section.doc");
    return section ? section.querySelectorAll('mark.quote[data-quote="' + el.dataset.quote + '"]') : [];
  }
  function show(el) {
    tip.textContent = details(el);
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
  function detailed(event) {
    var el = event.target.closest ? event.target.closest("[title], [data-details]") : null;
    return el && el.closest("section.doc") ? el : null;
  }
  document.addEventListener("mouseover", function (e) { var el = detailed(e); if (el) show(el); });
  document.addEventListener("mouseout", function (e) { if (detailed(e)) hide(); });
  document.addEventListener("focusin", function (e) { var el = detailed(e); if (el) show(el); else hide(); });
  document.addEventListener("focusout", hide);
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });

  var range = document.getElementById("minconf");
  var value = document.getElementById("minconf-value");
  range.parentNode.hidden = !document.querySelector("[data-conf]");  // nothing to filter
  function filter() {  // the current document now, the others when they are shown
    var least = parseFloat(range.value);
    value.textContent = least.toFixed(2);
    var section = document.querySelector("section.doc.current");
    if (!section || section.dataset.least === range.value) return;
    section.dataset.least = range.value;
    section.querySelectorAll("[data-conf]").forEach(function (el) {
      el.classList.toggle("filtered", parseFloat(el.dataset.conf) < least);
    });
  }
  range.addEventListener("input", filter);

  function showDoc() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    var section = (target && target.closest("section.doc")) || docs[0];
    var previous = document.querySelector("section.doc.current");
    if (previous !== section) {
      if (previous) previous.classList.remove("current");
      if (section) section.classList.add("current");
      document.querySelectorAll("nav#index a[aria-current]").forEach(function (a) { a.removeAttribute("aria-current"); });
      var entry = section && document.querySelector('nav#index a[href="#' + section.id + '"]');
      if (entry) entry.setAttribute("aria-current", "page");
      if (section) section.querySelectorAll(".docnav a").forEach(function (a) {
        a.hidden = !document.getElementById(a.getAttribute("href").slice(1));
      });
    }
    document.documentElement.classList.add("ready");
    filter();
    if (target && target !== section) {
      target.scrollIntoView({ block: "center" });
      if (target.tabIndex >= 0) target.focus({ preventScroll: true });
    }
  }
  window.addEventListener("hashchange", showDoc);
  showDoc();
})();
