/*! Minutebook: starts the app on a pre-rendered page.
 *
 * Every page is complete HTML; the app (wasm) then takes it over for search as you type,
 * filters and client-side navigation. This file replaces Trunk's inline loader so the site
 * runs under a Content-Security-Policy without 'unsafe-inline' (docs/deploying.md).
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
    if (notice) notice.hidden = false;
    document.documentElement.setAttribute('data-mb-app', 'failed');
    console.error('Minutebook: the app could not start: ' + reason);
  }

  if (!js || !wasm) {
    failed('this page does not name the app files');
    return;
  }
  function start() {
    import(js)
      .then(function (app) {
        return app.default({ module_or_path: wasm });
      })
      .catch(failed);
  }
  // Start once the page is on screen: after two frames (the first paint, then whatever
  // the page paints next, such as its largest text) and an idle moment. The reader never
  // waits for the app's download, compilation or take-over. In a background tab the app
  // starts when the tab is first shown (frames only run in a visible tab).
  requestAnimationFrame(function () {
    requestAnimationFrame(function () {
      if (window.requestIdleCallback) {
        window.requestIdleCallback(start, { timeout: 1000 });
      } else {
        setTimeout(start, 0);
      }
    });
  });
})();
