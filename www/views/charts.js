// The charts view (placeholder until it is written; see views/index.js for the contract).
export function mount(root, ctx) {}
