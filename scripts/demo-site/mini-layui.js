/*
 * A tiny stand-in for layui's form widgets on the demo site (the real library is not available
 * offline here). It behaves the way layui does where it matters to CaseLint: the <select> is
 * hidden and set by script without a native change event; option clicks stop propagation; radio
 * and checkbox skins set the hidden inputs by script; date inputs are readonly and set by script.
 */
(function () {
  function closeAll() {
    document.querySelectorAll('.layui-form-select.layui-form-selected').forEach(function (s) {
      s.classList.remove('layui-form-selected');
    });
  }
  document.addEventListener('click', function (e) {
    var title = e.target.closest && e.target.closest('.layui-select-title');
    if (title) {
      var box = title.parentElement;
      var open = box.classList.contains('layui-form-selected');
      closeAll();
      if (!open) box.classList.add('layui-form-selected');
      e.stopPropagation();
      return;
    }
    var dd = e.target.closest && e.target.closest('.layui-form-select dd');
    if (dd) {
      var box2 = dd.closest('.layui-form-select');
      var select = box2.previousElementSibling;
      select.value = dd.getAttribute('lay-value');
      box2.querySelector('.layui-select-title input').value = dd.getAttribute('lay-value') ? dd.textContent : '';
      box2.querySelectorAll('dd').forEach(function (x) {
        x.classList.toggle('layui-this', x === dd);
      });
      box2.classList.remove('layui-form-selected');
      e.stopPropagation(); // as layui does: the click never reaches the document
      return;
    }
    var radio = e.target.closest && e.target.closest('.layui-form-radio');
    if (radio) {
      var input = radio.previousElementSibling;
      var group = document.querySelectorAll('input[type=radio][name="' + input.name + '"]');
      group.forEach(function (r) {
        r.checked = r === input;
        var skin = r.nextElementSibling;
        skin.classList.toggle('layui-form-radioed', r === input);
        skin.querySelector('i').textContent = r === input ? '◉' : '○';
      });
      return;
    }
    var date = e.target.closest && e.target.closest('input.laydate');
    if (date) {
      // laydate: a panel would open; the demo offers "now" on a second click via data-pick.
      if (date.dataset.pick) {
        date.value = date.dataset.pick;
        delete date.dataset.pick;
      }
      return;
    }
    closeAll();
  }, true);
})();
