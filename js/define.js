// The side-effect entry: importing this module registers <wenxi-analyzer>.
//
//   <script type="module" src="wenxi/define.js"></script>
//
// Loading it twice (two script tags, or two URLs of it) is harmless: define() leaves an already
// registered tag alone. To use another tag name, import the class from ./component.js instead
// and call WenxiAnalyzerElement.define('my-analyzer').

import { WenxiAnalyzerElement } from './component.js';

WenxiAnalyzerElement.define();

export { WenxiAnalyzerElement };
