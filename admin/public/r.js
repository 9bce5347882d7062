/*! Relais r.js: carries the `rl_cid` click id on a company's own site, only with the visitor's consent.
 *
 * <script src="https://relais.example/r.js" data-days="30"></script>
 *   Relais.consent(true)   after the visitor accepted marketing measurement (stores the click id)
 *   Relais.consent(false)  when they refuse or withdraw it (clears it)
 *   Relais.clickId()       the click id to send with a form to your own backend, or null
 * Add data-consent="granted" to the tag when it is loaded only after consent was given.
 * Nothing is stored before consent: no cookie, no storage, no request to Relais.
 */
(function () {
  'use strict';
  var NAME = 'rl_cid';
  var ID = /^[A-Za-z0-9_-]{20,128}$/;
  var tag = document.currentScript;
  var attr = function (name) { return tag ? tag.getAttribute(name) : null; };
  var days = Math.min(Math.max(parseInt(attr('data-days') || '30', 10) || 30, 1), 365);
  var granted = attr('data-consent') === 'granted';
  var fromUrl = new URLSearchParams(location.search).get(NAME);
  var arrived = fromUrl && ID.test(fromUrl) ? fromUrl : null;
  var secure = location.protocol === 'https:' ? '; Secure' : '';

  function stored() {
    var match = document.cookie.match(/(?:^|;\s*)rl_cid=([^;]+)/);
    var value = match ? decodeURIComponent(match[1]) : null;
    return value && ID.test(value) ? value : null;
  }
  function store(value) {
    document.cookie = NAME + '=' + encodeURIComponent(value) + '; Max-Age=' + days * 86400 + '; Path=/; SameSite=Lax' + secure;
  }
  function clear() {
    document.cookie = NAME + '=; Max-Age=0; Path=/; SameSite=Lax' + secure;
  }

  // The cookie is only ever written after consent, so finding it means consent was given on an earlier page.
  if (stored()) granted = true;

  window.Relais = {
    /** Records the visitor's choice: true stores the click id they arrived with, false clears it. */
    consent: function (yes) {
      granted = yes === true;
      if (!granted) clear();
      else if (arrived) store(arrived);
    },
    /** The click id to attribute a conversion to, or null (no consent, or the visitor came another way). */
    clickId: function () {
      return granted ? arrived || stored() : null;
    },
  };
  if (granted && arrived) store(arrived);
})();
