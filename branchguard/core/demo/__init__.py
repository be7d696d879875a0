"""Demo content written through the services: the branch, its people, drills, inspections."""
