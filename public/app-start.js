/*! Minutebook: starts the app on a pre-rendered page, when the page needs it.
 *
 * Every page is complete HTML: it reads, links and filters (GET forms) without the app.
 * The app (wasm) adds what HTML alone cannot: searching as you type, filters that answer
 * at once, client-side navigation. Fetching, compiling and taking over the page costs a
 * phone 655 KB and about a second of its main thread, so a reader who only reads and
 * follows links is not made to pay for it (docs/performance.md, "Stop 18: the app starts
 * when the reader needs it"). The app starts:
 *
 * - at once, when the pre-rendered HTML cannot be the whole answer: a page that says so
 *   (`data-mb-start="load"`: search, and 404.html, which answers addresses added after the
 *   build), an address with a query (filters, theme overrides) or a `#fragment` that the
 *   page alone cannot show, and a page written for another day (`data-mb-as-of`: the next
 *   meeting, past and upcoming rows);
 * - otherwise, on the reader's first key press, or first touch, click or focus on a form
 *   field or button: what the app is for.
 *
 * This file replaces Trunk's inline loader so the site runs under a Content-Security-Policy
 * without 'unsafe-inline' (docs/deploying.md).
 *
 * If the app cannot start (its .wasm or JS answers an error, a stale page after a deploy
 * points at files that are gone, or it stops on an error), the page says so in words, with
 * a reload link (#mb-app-failed, written hidden into every page). The content stays.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  var js = script && script.getAttribute('data-app-js');
  var wasm = script && script.getAttribute('data-app-wasm');

  function failed(reason) {
    var notice = document.getElementById('mb-app-failed');
    if (notice) {
      // Its link reloads this address (an empty href would follow <base href>: the home page).
      var reload = notice.querySelector('a');
      if (reload) reload.href = location.href;
      notice.hidden = false;
    }
    document.documentElement.setAttribute('data-mb-app', 'failed');
    console.error('Minutebook: the app could not start: ' + reason);
  }

  if (!js || !wasm) {
    failed('this page does not name the app files');
    return;
  }
  var started = false;
  function start() {
    if (started) return;
    started = true;
    import(js)
      .then(function (app) {
        return app.default({ module_or_path: wasm });
      })
      .catch(failed);
  }

  function pad(n) {
    return (n < 10 ? '0' : '') + n;
  }
  // The reader's date, as the app reckons "today".
  function today() {
    var d = new Date();
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
  }
  // A fragment the HTML shows by itself names an element outside any closed <details>.
  function fragmentNeedsApp() {
    if (location.hash.length < 2) return false;
    var id;
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch (e) {
      return true;
    }
    var target = document.getElementById(id);
    return !target || !!(target.closest && target.closest('details:not([open])'));
  }
  function neededNow(root) {
    if (!root || !root.hasAttribute('data-mb-prerendered')) return true;
    if (root.getAttribute('data-mb-start') === 'load') return true;
    if (location.search.length > 1) return true;
    var asOf = root.getAttribute('data-mb-as-of');
    if (asOf && asOf !== today()) return true;
    return fragmentNeedsApp();
  }

  var controls = 'input, select, textarea, button, label';
  var kinds = ['keydown', 'pointerdown', 'focusin'];
  function onIntent(ev) {
    if (ev.type !== 'keydown' && !(ev.target && ev.target.closest && ev.target.closest(controls))) return;
    kinds.forEach(function (k) {
      document.removeEventListener(k, onIntent, true);
    });
    start();
  }

  if (neededNow(document.getElementById('mb-root'))) {
    // Once the page is on screen: after two frames (the first paint, then whatever the page
    // paints next, such as its largest text) and an idle moment. In a background tab the
    // app starts when the tab is first shown (frames only run in a visible tab).
    requestAnimationFrame(function () {
      requestAnimationFrame(function () {
        if (window.requestIdleCallback) {
          window.requestIdleCallback(start, { timeout: 1000 });
        } else {
          setTimeout(start, 0);
        }
      });
    });
  } else {
    kinds.forEach(function (k) {
      document.addEventListener(k, onIntent, { capture: true, passive: true });
    });
  }
})();
