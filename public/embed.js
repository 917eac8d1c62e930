// For pages that embed a Tower Hamlets outcomes explorer chart in an iframe: sizes each
// explorer iframe to the height its chart reports, so the chart is never cut off and no
// inner scroll bar appears.
//
// The chart sends {type: "tht-outcomes-explorer:height", height: <CSS pixels>} to its parent
// with postMessage whenever its height changes. This script accepts the message only from
// the frame that sent it, and only changes that frame's height.
(function () {
  'use strict';
  var TYPE = 'tht-outcomes-explorer:height';
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== TYPE || typeof data.height !== 'number' || !(data.height > 0)) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.ceil(Math.min(data.height, 10000)) + 'px';
      }
    }
  });
})();
