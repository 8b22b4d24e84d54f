/*
 * A tiny stand-in for an Element UI (Vue 2) page on the demo site: the form is mounted late from
 * a template, as a Vue app would be; dropdowns are appended to <body> (Element's poppers); values
 * of readonly inputs, switches and checkboxes are set by script; "重新加载" re-renders the form,
 * replacing its DOM while keeping the values.
 */
(function () {
  var app = document.getElementById('app');
  var template = document.getElementById('app-template');
  function mount() {
    app.innerHTML = template.textContent + '<div class="el-form-item"><button type="button" class="el-button reload">重新加载</button></div>';
  }
  setTimeout(mount, 400);

  var popper = null;
  function closePopper() {
    if (popper) popper.remove();
    popper = null;
  }
  document.addEventListener('click', function (e) {
    var t = e.target;
    if (t.closest && t.closest('.reload')) {
      // A Vue re-render: new nodes, same values.
      var values = {};
      app.querySelectorAll('input.el-input__inner[id]').forEach(function (i) {
        values[i.id] = i.value;
      });
      var html = app.innerHTML;
      app.innerHTML = '';
      setTimeout(function () {
        app.innerHTML = html;
        Object.keys(values).forEach(function (id) {
          var i = document.getElementById(id);
          if (i) i.value = values[id];
        });
      }, 50);
      return;
    }
    var item = t.closest && t.closest('.el-select-dropdown__item');
    if (item && popper) {
      var select = popper._owner;
      var input = select.querySelector('.el-input__inner');
      if (select.dataset.multiple) {
        var tags = select.querySelector('.el-select__tags > span');
        var tag = document.createElement('span');
        tag.className = 'el-tag el-tag--info el-tag--small';
        tag.innerHTML = '<span class="el-select__tags-text"></span><i class="el-tag__close">×</i>';
        tag.firstChild.textContent = item.textContent;
        tags.appendChild(tag);
      } else {
        input.value = item.textContent;
      }
      closePopper();
      return;
    }
    var close = t.closest && t.closest('.el-tag__close');
    if (close) {
      close.parentElement.remove();
      return;
    }
    var sel = t.closest && t.closest('.el-select');
    if (sel) {
      closePopper();
      popper = document.createElement('div');
      popper.className = 'el-select-dropdown el-popper';
      popper._owner = sel;
      var r = sel.getBoundingClientRect();
      popper.style.cssText = 'position:absolute;left:' + (r.left + scrollX) + 'px;top:' + (r.bottom + scrollY + 2) + 'px;min-width:' + r.width + 'px';
      var ul = document.createElement('ul');
      ul.className = 'el-select-dropdown__list';
      sel.dataset.options.split('|').forEach(function (o) {
        var li = document.createElement('li');
        li.className = 'el-select-dropdown__item';
        li.textContent = o;
        ul.appendChild(li);
      });
      popper.appendChild(ul);
      document.body.appendChild(popper);
      return;
    }
    var sw = t.closest && t.closest('.el-switch');
    if (sw) {
      var on = !sw.classList.contains('is-checked');
      sw.classList.toggle('is-checked', on);
      sw.setAttribute('aria-checked', String(on));
      sw.querySelector('.el-switch__label').textContent = on ? '是' : '否';
      return;
    }
    closePopper();
  });
})();
