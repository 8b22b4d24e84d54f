/*
 * Runs inside the benchmarked page (plain JS: injected as is, so no build step touches it).
 * Full scans via CaseLint.scan(); re-checks via attach() and one input event at a time.
 */
window.__caselintBench = async function (runs) {
  var api = window.CaseLint;
  function median(xs) {
    var s = xs.slice().sort(function (a, b) { return a - b; });
    return (s[Math.floor((s.length - 1) / 2)] + s[Math.ceil((s.length - 1) / 2)]) / 2;
  }
  var scans = [];
  for (var i = 0; i < runs + 5; i++) {
    var t0 = performance.now();
    api.scan();
    if (i >= 5) scans.push(performance.now() - t0);
  }
  var rechecks = [];
  var resolveNext = null;
  var detach = api.attach({
    onTiming: function (kind, ms) {
      if (kind === 'recheck') {
        rechecks.push(ms);
        if (resolveNext) resolveNext();
      }
    },
  });
  var input = document.getElementById('k5');
  for (var j = 0; j < runs + 5; j++) {
    var done = new Promise(function (r) { resolveNext = r; });
    input.value = '2024-03-06 ' + String(10 + (j % 10)) + ':' + String(j % 60).padStart(2, '0');
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await done;
  }
  detach();
  return { scan: median(scans), recheck: median(rechecks.slice(5)), controls: document.querySelectorAll('input, select').length };
};
