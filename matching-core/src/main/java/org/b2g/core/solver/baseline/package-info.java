/**
 * The first-fit scheduler that event tools use, kept as the reference every benchmark compares the solver with (and
 * as the search's starting point for B2G events solved from scratch). Depends on {@code domain} only.
 */
package org.b2g.core.solver.baseline;
