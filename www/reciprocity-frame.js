// reciprocity-frame.js: optional, for a page that shows the reciprocity widget in an iframe
// (embed.html). Sizes every <iframe data-reciprocity-frame> to the height its page reports, so the
// widget never shows a scroll bar of its own. Defines no global names.
//
// A message is used only when all of these hold; anything else is ignored:
//   - it comes from the window inside one of those iframes (event.source),
//   - from the origin of that iframe's src (event.origin),
//   - its data is exactly { type: 'reciprocity-widget:height', height: <number 0 to 100000> }.
// The height is set through the CSSOM (iframe.style.height), which a strict style-src policy allows.
(function () {
  'use strict';
  var TYPE = 'reciprocity-widget:height';
  var MAX_HEIGHT = 100000;
  var has = Object.prototype.hasOwnProperty;

  function isHeightMessage(data) {
    return (
      typeof data === 'object' &&
      data !== null &&
      Object.getPrototypeOf(data) === Object.prototype &&
      Object.keys(data).length === 2 &&
      has.call(data, 'type') &&
      has.call(data, 'height') &&
      data.type === TYPE &&
      typeof data.height === 'number' &&
      isFinite(data.height) &&
      data.height >= 0 &&
      data.height <= MAX_HEIGHT
    );
  }

  function originOf(frame) {
    try {
      return new URL(frame.src, document.baseURI).origin;
    } catch (error) {
      return null;
    }
  }

  window.addEventListener('message', function (event) {
    if (!event.source || !isHeightMessage(event.data)) return;
    var frames = document.querySelectorAll('iframe[data-reciprocity-frame]');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      // 'null' is the origin of sandboxed and data: frames: it names no one, so it is never trusted.
      if (frame.contentWindow === event.source && event.origin !== 'null' && originOf(frame) === event.origin) {
        frame.style.height = Math.ceil(event.data.height) + 'px';
        return;
      }
    }
  });
})();
