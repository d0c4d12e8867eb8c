/**
 * The public document's entry script (public.html). The page is already on screen from its prerendered HTML and
 * stylesheets; its JavaScript only makes it interactive. So the code is fetched after the first paint: on a slow
 * connection the HTML and CSS have the line to themselves, and nothing the reader sees waits for a script.
 * (A frame, then a task: the timeout runs once that frame has been painted.)
 */
requestAnimationFrame(() => {
  setTimeout(() => void import('./main'), 0);
});
