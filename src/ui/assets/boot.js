// Error reporting, loaded before the application: every uncaught error, rejected promise and
// Content-Security-Policy violation is kept in `window.seisakuErrors` and shown in a banner,
// so that a failure is never silent.
(function () {
  "use strict";
  var errors = [];
  window.seisakuErrors = errors;
  function show(text) {
    errors.push(text);
    var banner = document.getElementById("app-errors");
    if (!banner) {
      return;
    }
    var line = document.createElement("p");
    line.textContent = "画面の処理中に問題が発生しました: " + text;
    banner.appendChild(line);
    banner.hidden = false;
  }
  window.addEventListener(
    "error",
    function (event) {
      if (event.target && event.target !== window && event.target.tagName) {
        show("読み込めませんでした: " + event.target.tagName.toLowerCase());
        return;
      }
      show(String(event.message || "error"));
    },
    true
  );
  window.addEventListener("unhandledrejection", function (event) {
    var reason = event.reason;
    show(String((reason && reason.message) || reason));
  });
  document.addEventListener("securitypolicyviolation", function (event) {
    show("セキュリティポリシー違反: " + event.violatedDirective);
  });
})();
