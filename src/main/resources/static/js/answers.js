// How our own scripts (upload.js, queue.js) read the answer to a form they send themselves, as htmx does: they send
// HX-Request, so that an ended session answers 401 with HX-Redirect to the login page (followed here), not the login
// page under 200 that would pass for success; and an answer without the part they expect is a failure, shown.
(function () {
  'use strict';

  window.waveplanAnswers = {
    headers: { 'HX-Request': 'true', Accept: 'text/html' },

    // follows the server's HX-Redirect, if it sent one
    redirected: function (location) {
      if (location) {
        window.location.assign(location);
        return true;
      }
      return false;
    },

    // what went wrong: a problem in JSON, a page drawn again with its #problem, or the error page
    problem: function (status, type, text) {
      var title = null;
      var detail = null;
      if ((type || '').indexOf('json') >= 0) {
        try {
          var json = JSON.parse(text);
          title = json.title;
          detail = json.detail;
        }
        catch (ignored) { /* not JSON after all */ }
      }
      else {
        var doc = new DOMParser().parseFromString(text, 'text/html');
        var box = doc.getElementById('problem');
        var heading = box ? box.querySelector('strong') : doc.querySelector('main h1');
        var said = box ? box.querySelector('span') : doc.querySelector('main h1 + p');
        title = heading && heading.textContent;
        detail = said && said.textContent;
      }
      return {
        title: title || String(status),
        detail: detail || document.body.dataset.unexpected || ''
      };
    },

    // the problem in a box (role alert) inserted before the given element, in place of one shown before
    show: function (before, problem) {
      var box = before.parentNode.querySelector(':scope > #problem');
      if (!box) {
        box = document.createElement('div');
        box.id = 'problem';
        box.className = 'message error';
        box.setAttribute('role', 'alert');
        before.parentNode.insertBefore(box, before);
      }
      box.textContent = '';
      var strong = document.createElement('strong');
      strong.textContent = problem.title;
      var span = document.createElement('span');
      span.textContent = ' ' + problem.detail;
      box.appendChild(strong);
      box.appendChild(span);
    }
  };

  // an htmx request answered with what htmx does not draw (a 404, a 503 with Retry-After, a 500) or not answered at
  // all: its problem is shown before the part that asked, not lost
  document.addEventListener('htmx:responseError', function (event) {
    var xhr = event.detail.xhr;
    window.waveplanAnswers.show(event.detail.elt, window.waveplanAnswers.problem(xhr.status,
      xhr.getResponseHeader('Content-Type'), xhr.responseText));
  });
  document.addEventListener('htmx:sendError', function (event) {
    window.waveplanAnswers.show(event.detail.elt, { title: document.body.dataset.offline || '', detail: '' });
  });
}());
