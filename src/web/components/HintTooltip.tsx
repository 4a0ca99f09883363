// Mantine's Tooltip on its own, for Hint's lazy import (importing '@mantine/core' itself there
// would bundle all of Mantine into one chunk).
export { Tooltip } from '@mantine/core';
