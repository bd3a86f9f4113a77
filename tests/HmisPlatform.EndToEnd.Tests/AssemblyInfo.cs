// The end-to-end collections each start a whole platform: one at a time, on two cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
