/**
 * Who should meet whom: the Unicode-aware tokeniser, relevance of startup-agency pairs with their reasons,
 * candidate meetings with their demand weights, and the explanation of why a candidate was left out. Depends on
 * {@code domain}, and on {@code solver} only for the score weights both must agree on.
 */
package org.b2g.core.matching;
