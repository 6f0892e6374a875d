/*
 * Findings import with an upload progress bar. Without this script the form posts as
 * usual and the server redirects back with the outcome; with it, the same POST goes
 * through XMLHttpRequest so the upload's progress can be shown, and the outcome part of
 * the page the redirect leads to replaces the current one.
 */
(function () {
  'use strict';

  function init() {
    var form = document.getElementById('import-form');
    if (!form || !window.XMLHttpRequest || !window.FormData || !window.DOMParser) {
      return;
    }
    form.addEventListener('submit', function (event) {
      var input = document.getElementById('import-file');
      if (!input.files || input.files.length === 0) {
        return; // the browser's own validation tells the person
      }
      event.preventDefault();
      upload(form, input.files[0]);
    });
  }

  function upload(form, file) {
    var bar = document.getElementById('import-progress');
    var status = document.getElementById('import-status');
    var button = form.querySelector('button[type=submit]');
    var max = parseInt(form.getAttribute('data-max-bytes'), 10);
    if (max > 0 && file.size > max) {
      status.textContent = form.getAttribute('data-toolarge');
      return;
    }
    button.disabled = true;
    bar.hidden = false;
    bar.value = 0;
    status.textContent = form.getAttribute('data-uploading').replace('{0}', '0');

    var request = new XMLHttpRequest();
    request.open('POST', form.action);
    var token = form.querySelector('input[name="_csrf"]');
    if (token) {
      // the token in a header spares the server parsing the body to check it
      request.setRequestHeader('X-CSRF-TOKEN', token.value);
    }
    request.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable && e.total > 0) {
        var percent = Math.floor((e.loaded * 100) / e.total);
        bar.value = percent;
        status.textContent = form.getAttribute('data-uploading').replace('{0}', String(percent));
      }
    });
    request.upload.addEventListener('load', function () {
      bar.removeAttribute('value'); // indeterminate while the server stores the findings
      status.textContent = form.getAttribute('data-storing');
    });
    request.addEventListener('load', function () {
      if (request.responseURL && request.responseURL.indexOf('/signin') >= 0) {
        window.location.assign(request.responseURL);
        return;
      }
      var outcome = null;
      if (request.status >= 200 && request.status < 300) {
        var page = new DOMParser().parseFromString(request.responseText, 'text/html');
        outcome = page.getElementById('import-outcome');
      }
      if (outcome) {
        document.getElementById('import-outcome').replaceWith(document.importNode(outcome, true));
        form.reset();
        status.textContent = '';
      }
      else {
        status.textContent = form.getAttribute('data-failed') + ' (HTTP ' + request.status + ')';
      }
      finish();
    });
    request.addEventListener('error', function () {
      status.textContent = form.getAttribute('data-failed');
      finish();
    });

    function finish() {
      button.disabled = false;
      bar.hidden = true;
      bar.value = 0;
    }

    request.send(new FormData(form));
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  }
  else {
    init();
  }
})();
