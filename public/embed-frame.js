/*! Minutebook embed frame script — runs inside every pre-rendered /embed/ view (no wasm).
 *
 * - Posts the content's height to the host page ({type: "minutebook:height", height}) on
 *   load, whenever the content changes size, and when the host's embed.js says hello
 *   ({type: "minutebook:hello"}), so the iframe can follow its content.
 * - Opens links in the top window (?links=top, the default) or a new tab (?links=new),
 *   never inside the small frame; in-page links (#item-3) stay.
 * - Theme overrides (?brand=, ?link=, ?font=) are resolved by the app's own contrast rules
 *   (minutebook_domain::theme), so only then does it load the app, which takes the page over.
 *
 * Messages go to the origin named by ?parent=https://council.example (else the referring
 * page's origin; "*" only when neither is known: a height is not a secret).
 * Documentation: docs/embedding.md.
 */
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var linksNew = /^(new|blank|_blank|tab)$/.test((params.get('links') || '').trim());
  var NOTE = 'mb-new-tab-note';

  function httpOrigin(url) {
    try {
      var u = new URL(url);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
    } catch (e) {
      return null;
    }
  }
  var parentParam = params.get('parent');
  var parentOrigin = parentParam ? httpOrigin(parentParam) : null;
  if (parentParam && !parentOrigin) {
    console.warn('Minutebook embed: ignoring ?parent=' + parentParam + ': not an http(s) address');
  }
  var target = parentOrigin || httpOrigin(document.referrer) || '*';
  var inFrame = window.parent && window.parent !== window;
  var lastHeight = -1;

  function main() {
    return document.getElementById('main');
  }

  function postHeight(force) {
    var m = main();
    if (!inFrame || !m) return;
    var height = Math.ceil(m.getBoundingClientRect().bottom + window.scrollY);
    if (!force && height === lastHeight) return;
    lastHeight = height;
    window.parent.postMessage({ type: 'minutebook:height', height: height }, target);
  }

  function retarget() {
    if (linksNew && !document.getElementById(NOTE)) {
      var note = document.createElement('span');
      note.id = NOTE;
      note.hidden = true;
      note.textContent = 'Opens in a new tab';
      document.body.appendChild(note);
    }
    var links = document.querySelectorAll('#main a[href]');
    for (var i = 0; i < links.length; i++) {
      var a = links[i];
      if ((a.getAttribute('href') || '').charAt(0) === '#') continue;
      set(a, 'target', linksNew ? '_blank' : '_top');
      if (linksNew) {
        set(a, 'rel', 'noopener');
        set(a, 'aria-describedby', NOTE);
      }
    }
  }

  function set(el, name, value) {
    if (el.getAttribute(name) !== value) el.setAttribute(name, value);
  }

  function update() {
    retarget();
    postHeight(false);
  }

  // The body, not <main>: if the app takes the page over, <main> is replaced.
  new MutationObserver(update).observe(document.body, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['href'],
  });
  if (window.ResizeObserver) {
    new ResizeObserver(function () { postHeight(false); }).observe(document.body);
  }
  window.addEventListener('message', function (ev) {
    var hello = ev.data && ev.data.type === 'minutebook:hello';
    var fromParent = ev.source === window.parent;
    var originOk = !parentOrigin || parentOrigin === ev.origin;
    if (hello && fromParent && originOk) postHeight(true);
  });
  retarget();
  postHeight(true);

  // Theme overrides need the contrast rules, which live in the app.
  var script = document.currentScript;
  var appJs = script && script.getAttribute('data-app-js');
  var appWasm = script && script.getAttribute('data-app-wasm');
  if (appJs && appWasm && (params.has('brand') || params.has('link') || params.has('font'))) {
    import(appJs).then(function (app) {
      return app.default({ module_or_path: appWasm });
    }).catch(function (e) {
      console.warn('Minutebook embed: the theme overrides could not be applied: ' + e);
    });
  }
})();
