/*! Minutebook embed helper — include once on a page that embeds Minutebook views.
 *
 *   <iframe data-minutebook title="..." src="https://.../embed/committees/<id>/next?parent=https://your.site"></iframe>
 *   <script src="https://.../embed.js" defer></script>
 *
 * It sizes every iframe marked `data-minutebook` to its content. Minutebook posts
 * {type: "minutebook:height", height} from inside the frame; a message is used only
 * when it comes from that frame's own window (event.source) AND from the origin of the
 * frame's src (event.origin). Anything else is ignored. No framework, no globals.
 * Documentation: docs/embedding.md.
 */
(function () {
  'use strict';
  var SELECTOR = 'iframe[data-minutebook]';
  var MAX_HEIGHT = 100000; // px: a runaway value cannot make the host page endless (a long meeting on a phone is ~40,000)

  function originOf(src) {
    try {
      return new URL(src, document.baseURI).origin;
    } catch (e) {
      return null;
    }
  }

  function frames() {
    return Array.prototype.slice.call(document.querySelectorAll(SELECTOR));
  }

  function prepare(frame) {
    if (frame.getAttribute('data-minutebook-ready')) return;
    frame.setAttribute('data-minutebook-ready', 'true');
    if (!frame.style.width) frame.style.width = '100%';
    if (!frame.style.border) frame.style.border = '0';
    // Ask for the height whenever the frame (re)loads, in case its first message came
    // before this script was listening.
    frame.addEventListener('load', function () { hello(frame); });
    hello(frame);
  }

  function hello(frame) {
    var origin = originOf(frame.src);
    if (!origin || !frame.contentWindow) return;
    try {
      frame.contentWindow.postMessage({ type: 'minutebook:hello' }, origin);
    } catch (e) {
      /* the frame is still on about:blank or elsewhere: it will post when it loads */
    }
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'minutebook:height') return;
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      var frame = list[i];
      if (frame.contentWindow !== event.source) continue;
      if (originOf(frame.src) !== event.origin) return; // wrong origin: ignore
      var height = Number(data.height);
      if (!isFinite(height) || height <= 0) return;
      height = Math.min(Math.ceil(height), MAX_HEIGHT);
      frame.style.height = height + 'px';
      frame.setAttribute('data-minutebook-height', String(height));
      return;
    }
  });

  function start() {
    frames().forEach(prepare);
    // Frames added later (e.g. by a CMS widget) are picked up too.
    if (window.MutationObserver) {
      new MutationObserver(function () { frames().forEach(prepare); })
        .observe(document.documentElement, { childList: true, subtree: true });
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
