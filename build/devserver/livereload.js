// matrixdoc serve: live reload and the build-error overlay.
//
// Served as an external file (/__livereload.js) because the site's CSP allows
// only same-origin scripts. The overlay is built with DOM APIs and
// textContent, and styled through the CSSOM (element.style), which CSP's
// style-src does not restrict — no markup is ever parsed from a message.
(function () {
  "use strict";
  var OVERLAY_ID = "matrixdoc-build-errors";

  function clear() {
    var old = document.getElementById(OVERLAY_ID);
    if (old) old.parentNode.removeChild(old);
  }

  function css(el, props) {
    for (var k in props) el.style[k] = props[k];
    return el;
  }

  function show(payload) {
    clear();
    var box = css(document.createElement("section"), {
      position: "fixed", left: "0", right: "0", bottom: "0", maxHeight: "60vh",
      overflow: "auto", zIndex: "2147483647", margin: "0", padding: "1em 1.25em",
      background: "#1e1e1e", color: "#f0f0f0", borderTop: "4px solid #e5484d",
      font: "13px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
      boxShadow: "0 -4px 16px rgba(0,0,0,.4)"
    });
    box.id = OVERLAY_ID;
    box.setAttribute("role", "alert");

    var head = css(document.createElement("div"), { display: "flex", justifyContent: "space-between", gap: "1em", marginBottom: ".5em" });
    var title = css(document.createElement("strong"), { color: "#ff9592" });
    title.textContent = "matrixdoc: build failed — showing the last good build";
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "×";
    close.setAttribute("aria-label", "Hide");
    close.addEventListener("click", clear);
    head.appendChild(title);
    head.appendChild(close);
    box.appendChild(head);

    var list = css(document.createElement("ol"), { margin: "0", paddingLeft: "1.5em" });
    var diags = (payload && payload.diagnostics) || [];
    for (var i = 0; i < diags.length; i++) {
      var d = diags[i];
      var item = css(document.createElement("li"), { whiteSpace: "pre-wrap", margin: ".25em 0" });
      item.className = "matrixdoc-diagnostic matrixdoc-" + (d.severity === "error" ? "error" : "warning");
      var where = css(document.createElement("span"), { color: "#8ec5ff" });
      where.textContent = position(d);
      var sev = css(document.createElement("span"), { color: d.severity === "error" ? "#ff9592" : "#ffd27a" });
      sev.textContent = " " + d.severity + ": ";
      var msg = document.createElement("span");
      msg.textContent = d.message + (d.code ? " [" + d.code + "]" : "");
      item.appendChild(where);
      item.appendChild(sev);
      item.appendChild(msg);
      list.appendChild(item);
    }
    box.appendChild(list);
    (document.body || document.documentElement).appendChild(box);
  }

  function position(d) {
    var p = d.file || "";
    if (d.line) p += ":" + d.line;
    if (d.line && d.col) p += ":" + d.col;
    return p;
  }

  if (typeof EventSource === "undefined") return;
  var es = new EventSource("/__livereload");
  es.addEventListener("reload", function () { location.reload(); });
  es.addEventListener("clear", clear);
  es.addEventListener("build-error", function (e) {
    var payload;
    try { payload = JSON.parse(e.data); } catch (err) { return; }
    if (document.body) show(payload);
    else document.addEventListener("DOMContentLoaded", function () { show(payload); });
  });
})();
