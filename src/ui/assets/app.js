// loket-yuki: the navigation's menus open on hover too, as in Yuki. Without this file they still
// open by click, touch and keyboard (they are <details>); Escape or tabbing out closes one, a click
// elsewhere all.
(() => {
  const menus = () => [...document.querySelectorAll('details.menu')];
  const hover = window.matchMedia('(hover: hover)');
  for (const menu of menus()) {
    let byHover = false;
    menu.addEventListener('mouseenter', () => {
      if (!hover.matches || menu.open) return;
      byHover = true;
      menu.open = true;
    });
    menu.addEventListener('mouseleave', () => {
      if (byHover) menu.open = false;
      byHover = false;
    });
    // A click on a menu that hovering just opened keeps it open instead of closing it again.
    menu.querySelector('summary')?.addEventListener('click', (event) => {
      if (byHover) event.preventDefault();
      byHover = false;
    });
    menu.addEventListener('toggle', () => {
      if (menu.open) for (const other of menus()) if (other !== menu) other.open = false;
    });
    // Tabbing out of an open menu closes it, as moving the mouse away does.
    menu.addEventListener('focusout', (event) => {
      if (menu.open && !menu.contains(event.relatedTarget)) menu.open = false;
    });
    menu.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || !menu.open) return;
      menu.open = false;
      menu.querySelector('summary')?.focus();
    });
  }
  document.addEventListener('click', (event) => {
    for (const menu of menus()) if (!menu.contains(event.target)) menu.open = false;
  });
})();
