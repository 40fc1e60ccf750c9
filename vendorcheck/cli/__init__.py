"""Command-line shell over the library: validate arguments, call one library function, render."""
