outer() {
	inner() { echo inner-defined; }
	inner
}
outer
inner
