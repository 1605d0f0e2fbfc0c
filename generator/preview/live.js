// The preview's live reload: the page reloads when a rebuild succeeds,
// and shows the errors over the last good site when one fails. Served by
// `generator serve` only; never part of a built site.
(function () {
  "use strict";
  var seen = null;
  function show(error) {
    var box = document.getElementById("preview-error");
    if (!error) {
      if (box) box.remove();
      return;
    }
    if (!box) {
      box = document.createElement("div");
      box.id = "preview-error";
      box.setAttribute("role", "alert");
      var s = box.style;
      s.position = "fixed"; s.inset = "0 0 auto 0"; s.zIndex = "1000";
      s.maxHeight = "60vh"; s.overflow = "auto"; s.margin = "0"; s.padding = "1em";
      s.background = "#fff4f4"; s.color = "#6b0000"; s.borderBottom = "3px solid #b00020";
      s.font = "14px/1.4 ui-monospace, monospace"; s.whiteSpace = "pre-wrap";
      document.body.prepend(box);
    }
    box.textContent = "The last rebuild failed: this is the last good site.\n\n" + error;
  }
  var events = new EventSource("/_preview/events");
  events.addEventListener("state", function (e) {
    var st = JSON.parse(e.data);
    if (seen === null) {
      seen = st.version;
      document.documentElement.setAttribute("data-preview", "live");
    } else if (st.version !== seen) {
      location.reload();
      return;
    }
    show(st.error);
  });
})();
