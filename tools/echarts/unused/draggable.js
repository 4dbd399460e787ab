// zrender/lib/mixin/Draggable.js: dragging elements with draggable set
// (graph nodes, graphic components); nothing in nianbao's charts drags.
export default function Draggable() {}
