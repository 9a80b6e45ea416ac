// briefing serve: live reload. Injected into served pages only, never written to disk.
// Listens on /__briefing/events: "reload" reloads the page, "css" swaps the
// stylesheets in place, "build-error" draws an overlay with the error, and
// "hello" (sent on every connection) reloads a page older than the site.
(function () {
  "use strict";
  var script = document.currentScript;
  var generation = script ? script.getAttribute("data-generation") : null;
  var overlayId = "__briefing-overlay";
  var titlePrefix = "\u26a0 Build error \u00b7 ";

  function showError(text) {
    var overlay = document.getElementById(overlayId);
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = overlayId;
      overlay.setAttribute("role", "alert");
      var s = overlay.style;
      s.position = "fixed"; s.inset = "0"; s.zIndex = "2147483647"; s.overflow = "auto";
      s.background = "rgba(20, 20, 24, 0.97)"; s.cursor = "pointer"; s.color = "#ffdede"; s.padding = "2rem";
      s.font = "14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace";
      var heading = document.createElement("strong");
      heading.textContent = "Build failed \u2014 fix the file and save; this clears itself. (Click to see the last good page underneath.)";
      heading.style.display = "block"; heading.style.marginBottom = "1rem"; heading.style.color = "#ff8080";
      var pre = document.createElement("pre");
      pre.style.whiteSpace = "pre-wrap"; pre.style.margin = "0";
      overlay.addEventListener("click", function () { overlay.style.display = "none"; });
      overlay.appendChild(heading);
      overlay.appendChild(pre);
      (document.body || document.documentElement).appendChild(overlay);
    }
    overlay.lastChild.textContent = text;
    overlay.style.display = "block";
    if (document.title.indexOf(titlePrefix) !== 0) document.title = titlePrefix + document.title;
  }

  function clearError() {
    var overlay = document.getElementById(overlayId);
    if (overlay) overlay.remove();
    if (document.title.indexOf(titlePrefix) === 0) document.title = document.title.slice(titlePrefix.length);
  }

  function swapStylesheets() {
    var links = document.querySelectorAll('link[rel~="stylesheet"]');
    Array.prototype.forEach.call(links, function (link) {
      var url = new URL(link.href, location.href);
      if (url.origin !== location.origin) return;
      url.searchParams.set("__briefing", String(Date.now()));
      var next = link.cloneNode(false);
      next.href = url.href;
      next.addEventListener("load", function () { link.remove(); });
      next.addEventListener("error", function () { link.remove(); });
      link.after(next);
    });
  }

  function data(event) {
    try { return JSON.parse(event.data); } catch (e) { return {}; }
  }

  var pending = script && script.getAttribute("data-error");
  if (pending) {
    if (document.body) showError(pending);
    else document.addEventListener("DOMContentLoaded", function () { showError(pending); });
  }

  var events = new EventSource("/__briefing/events");
  events.addEventListener("hello", function (event) {
    var state = data(event);
    if (generation && state.generation !== generation) { location.reload(); return; }
    if (state.error) showError(state.error); else clearError();
  });
  events.addEventListener("reload", function () { location.reload(); });
  events.addEventListener("css", function (event) {
    generation = data(event).generation || generation;
    clearError();
    swapStylesheets();
  });
  events.addEventListener("build-error", function (event) { showError(data(event).error || "build failed"); });
})();
