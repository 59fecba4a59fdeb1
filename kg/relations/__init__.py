"""Relations between entities, each with the paragraph and sentence that states it."""
