/*
 * AWS page: copies the least-privilege policy to the clipboard. The policy is also on the
 * page as text and behind the download link, so nothing depends on this script.
 */
(function () {
  'use strict';

  function init() {
    var button = document.getElementById('aws-policy-copy');
    var policy = document.getElementById('aws-policy-json');
    if (!button || !policy || !navigator.clipboard) {
      return;
    }
    var label = button.textContent;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(policy.textContent).then(function () {
        button.textContent = button.getAttribute('data-copied');
        setTimeout(function () { button.textContent = label; }, 2000);
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  }
  else {
    init();
  }
})();
