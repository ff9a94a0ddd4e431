// Placeholder entry point replaced by the help compiler.
return 0;
