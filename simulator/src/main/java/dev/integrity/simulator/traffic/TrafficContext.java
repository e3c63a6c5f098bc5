package dev.integrity.simulator.traffic;

import dev.integrity.simulator.model.Population;

/** What behaviours share while generating: the population, the window, whom to target, the farms' jobs, the crowds' moments. */
record TrafficContext(Population population, TrafficWindow window, TargetPicker targets, FarmSchedule farms, CrowdSchedule crowds) {

    static TrafficContext of(Population population, TrafficWindow window) {
        TargetPicker targets = new TargetPicker(population);
        return new TrafficContext(population, window, targets, new FarmSchedule(population, window, targets),
                new CrowdSchedule(population, window));
    }

    long seed() {
        return population.seed();
    }
}
