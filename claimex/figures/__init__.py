"""Reading figures from text: numbers, their context, filters and ranges."""
